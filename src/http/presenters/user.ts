/**
 * A user as the API shows it: never the password hash.
 */
import { Type, type Static } from 'typebox';
import type { User } from '../../cases/users.js';

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
  amk: Type.Union([Type.String(), Type.Null()]),
  displayName: Type.Union([Type.String(), Type.Null()]),
  disabled: Type.Boolean(),
});

export type UserView = Static<typeof UserSchema>;

export function presentUser(user: User): UserView {
  return {
    id: user.id,
    username: user.username,
    role: user.role,
    municipalityCode: user.municipalityCode,
    amk: user.amk,
    displayName: user.displayName,
    disabled: user.disabledAt !== null,
  };
}
