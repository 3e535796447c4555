// What every SDK client of the tests shares: a fixed region and fake credentials (the local servers check that a
// request is signed, not by whom). The endpoint is each test server's own.
export const AWS = {
  region: 'eu-west-1',
  credentials: { accessKeyId: 'AKIDRELEASEGUARDTEST', secretAccessKey: 'release-guard-test-secret' },
};
