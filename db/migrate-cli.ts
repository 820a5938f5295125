import { loadConfig } from '../server/node-config';
import { openDatabase } from './dialects';
import { migrateToLatest } from './migrate';

const config = loadConfig(process.env);
const database = openDatabase(config.databaseUrl, { poolSize: 1 });
const applied = await migrateToLatest(database);
console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
await database.close();
