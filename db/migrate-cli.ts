import { loadConfig } from '../server/config';
import { openDatabase } from './dialects';
import { migrateToLatest } from './migrate';

const config = loadConfig(process.env);
const database = openDatabase(config.databaseUrl);
const applied = await migrateToLatest(database);
console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
await database.close();
