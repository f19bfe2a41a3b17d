/** The shape of a command module. The engine owns it (src/engine/command.ts); commands import it from here. */
export { callsService, flagOn, requiredRole, type Args, type FlagSpec, type Group, type ServiceRole, type TkeCommand } from '../engine/command.ts';
