// What every SDK client of the tests shares: a fixed region, fake credentials (the local servers check that a
// request is signed, not by whom) and one attempt, so a scripted error reaches the code under test at once.
export const AWS = {
  region: 'eu-west-1',
  credentials: { accessKeyId: 'AKIDSLACKRELAYTEST', secretAccessKey: 'slack-relay-test-secret' },
  maxAttempts: 1,
};
