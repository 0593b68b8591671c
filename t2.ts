import { startEmbeddedPostgres } from "./lib/database/embedded";
import { applyMigrations } from "./lib/database/migrate";
const s = await startEmbeddedPostgres({dataDir: "/work/main/.data/postgres", port: 54329});
try {
  const t = setTimeout(()=>{console.log("TIMEOUT"); s.stop().then(()=>process.exit(3));}, 15000);
  console.log(await applyMigrations(s.urlFor("convoca")));
  clearTimeout(t);
} catch (e) { console.log("ERR", e); }
await s.stop();
