// A DynamoDB-compatible server for the ledger tests: in memory, on 127.0.0.1, on a port the OS picks.
// Prints the port on stdout once listening. Exits when stdin closes, so a server never outlives the tests that
// started it, even when they are killed.
import dynalite from 'dynalite';

// Tables become ACTIVE at once, so tests need not wait for them.
const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });

server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${server.address().port}\n`);
});

process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
