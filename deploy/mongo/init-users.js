/* global fs, db -- a mongosh script: the shell provides these */
// Runs once, on the first start with an empty data directory (the image's docker-entrypoint-initdb.d),
// after the root user exists. Creates the least-privileged users the stack uses; passwords come
// from the compose secrets.
const secret = (name) => fs.readFileSync(`/run/secrets/${name}`, 'utf8').trim();
const admin = db.getSiblingDB('admin');

// The app: read and write its own database, nothing else.
admin.createUser({ user: 'wfp', pwd: secret('mongo_app_password'), roles: [{ role: 'readWrite', db: 'wfp' }] });

// The backup service: dump everything, restore only into the scratch database it checks.
admin.createUser({
  user: 'wfp_backup',
  pwd: secret('mongo_backup_password'),
  roles: [
    { role: 'backup', db: 'admin' },
    { role: 'restore', db: 'admin' },
    { role: 'readWrite', db: 'wfp_restore_check' },
  ],
});
