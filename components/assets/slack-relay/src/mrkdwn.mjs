// Slack mrkdwn helpers: Slack reads &, < and > as markup, and section text is capped at 3000 characters.

/** Longest text the relay puts in one block, leaving room for the label around it. */
export const MAX_TEXT_LENGTH = 2900;

export function escapeMrkdwn(text) {
  return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Cuts text longer than maxLength and says so, so a reader knows the message was shortened. */
export function truncate(text, maxLength = MAX_TEXT_LENGTH) {
  const marker = '… (truncated)';
  return text.length <= maxLength ? text : text.slice(0, maxLength - marker.length) + marker;
}

/** A mrkdwn link; the URL must already be percent-encoded. */
export function link(url, label) {
  return `<${url}|${escapeMrkdwn(label)}>`;
}
