/**
 * Where tilsyn keeps its data: stored loads and the embedded database.
 * `--data-dir`, else `TILSYN_DATA_DIR`, else `./tilsyn-data`.
 */
import { resolve } from 'node:path';
import { UsageError } from '../files/usage-error.js';
import type { CommandIo, OptionsConfig, ParsedArguments } from './command.js';

export const DATA_DIRECTORY_OPTION: OptionsConfig = { 'data-dir': { type: 'string' } };

export const DATA_DIRECTORY_HELP =
  '  --data-dir MAPPE   hvor data gemmes (standard: $TILSYN_DATA_DIR eller ./tilsyn-data)';

export function dataDirectory(args: ParsedArguments, io: CommandIo): string {
  const option = args.values['data-dir'];
  if (option === '' || (typeof option === 'string' && option.trim() === ''))
    throw new UsageError('--data-dir er tom; angiv en mappe (eller udelad tilvalget)');
  if (typeof option === 'string') return resolve(io.cwd, option);
  const fromEnvironment = io.env['TILSYN_DATA_DIR'];
  if (fromEnvironment !== undefined && fromEnvironment !== '')
    return resolve(io.cwd, fromEnvironment);
  return resolve(io.cwd, 'tilsyn-data');
}
