/**
 * A user as the API shows it: never the password hash.
 */
import { Type, type Static } from 'typebox';
import type { UserRow } from '../../storage/schema.js';

export const UserSchema = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  role: Type.Union([
    Type.Literal('ministry'),
    Type.Literal('amk'),
    Type.Literal('municipality'),
    Type.Literal('auditor'),
  ]),
  municipalityCode: Type.Union([Type.Integer(), Type.Null()]),
  amkRegion: Type.Union([Type.String(), Type.Null()]),
  displayName: Type.Union([Type.String(), Type.Null()]),
  disabled: Type.Boolean(),
});

export type UserView = Static<typeof UserSchema>;

export function presentUser(user: UserRow): UserView {
  return {
    id: user.id,
    username: user.username,
    role: user.role,
    municipalityCode: user.municipality_code,
    amkRegion: user.amk_region,
    displayName: user.display_name,
    disabled: user.disabled_at !== null,
  };
}
