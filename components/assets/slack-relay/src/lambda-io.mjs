// What every function of this folder does the same way outside its logic: wait, and log JSON lines.

export function sleepFor(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function logJsonLine(level, message, fields = {}) {
  const line = JSON.stringify({ level, message, ...fields });
  if (level === 'error') console.error(line);
  else if (level === 'warn') console.warn(line);
  else console.log(line);
}
