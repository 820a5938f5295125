import { loadConfig } from '../server/config';
import { openDatabase } from './dialects';
import { migrateToLatest } from './migrate';

const config = loadConfig(process.env);
const { db, close } = openDatabase(config.databaseUrl);
const applied = await migrateToLatest(db);
console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
await close();
