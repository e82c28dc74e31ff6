/* global fs, db, rs, print, quit -- a mongosh script: the shell provides these */
// The mongo service's health check (mongosh --file): initiates the replica set on the first
// start, and is healthy only once a primary is elected, so the apps start against a writable
// database. The root password is read here, never passed on a command line.
const pwd = fs.readFileSync('/run/secrets/mongo_root_password', 'utf8').trim();
db.getSiblingDB('admin').auth('root', pwd);
try {
  rs.status();
} catch (e) {
  if (e.codeName !== 'NotYetInitialized') throw e;
  rs.initiate({ _id: 'rs0', members: [{ _id: 0, host: 'mongo:27017' }] });
}
const hello = db.hello();
if (!hello.primary) {
  print(`no primary yet (state: ${hello.isWritablePrimary ? 'primary' : hello.secondary ? 'secondary' : 'other'})`);
  quit(1);
}
print(`primary: ${hello.primary}`);
