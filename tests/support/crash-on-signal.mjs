// Loaded into the built host with `node --import` by tests/integration/host-build.test.ts, so the
// host's own code stays as deployed: SIGUSR2 throws an exception nothing catches, a real crash.
process.on('SIGUSR2', () => {
  throw new Error('the receipt printer driver threw');
});
