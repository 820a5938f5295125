import { BackupError } from './archive';

/** Long enough that guessing it against scrypt is hopeless; a sentence of a few words is easy to keep. */
export const MIN_PASSPHRASE = 12;

/**
 * The passphrase from BACKUP_PASSPHRASE (for a timer or a script: set it in the service's environment, not
 * on the command line) or asked for in the terminal, never echoed. Never an argument: the process list would
 * show it to every user of the machine.
 */
export async function readPassphrase({ confirm }: { confirm: boolean }): Promise<string> {
  const fromEnv = process.env.BACKUP_PASSPHRASE;
  let passphrase: string;
  if (fromEnv) passphrase = fromEnv;
  else {
    if (!process.stdin.isTTY) throw new BackupError('set BACKUP_PASSPHRASE, or run this in a terminal to be asked');
    passphrase = await askHidden('Passphrase: ');
    if (confirm && (await askHidden('The same passphrase again: ')) !== passphrase)
      throw new BackupError('the two passphrases differ');
  }
  if (confirm && passphrase.length < MIN_PASSPHRASE)
    throw new BackupError(`the passphrase needs at least ${MIN_PASSPHRASE} characters (a sentence is good)`);
  return passphrase;
}

function askHidden(prompt: string): Promise<string> {
  const input = process.stdin;
  process.stderr.write(prompt);
  input.setRawMode(true);
  input.resume();
  input.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let typed = '';
    const done = (error?: Error) => {
      input.setRawMode(false);
      input.pause();
      input.off('data', onData);
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') return done();
        if (char === '\u0003') return done(new BackupError('cancelled'));
        if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1);
        else typed += char;
      }
    };
    input.on('data', onData);
  });
}
