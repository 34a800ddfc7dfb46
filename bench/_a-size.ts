import Database from 'better-sqlite3';
const db = new Database(process.argv[2]!, { readonly: true });
try {
  console.log(db.prepare('SELECT name, sum(pgsize)/1e6 AS mb FROM dbstat GROUP BY name ORDER BY 2 DESC').all());
} catch (e) { console.log(String(e)); }
console.log(db.pragma('page_count', { simple: true }), db.pragma('page_size', { simple: true }));
