/** Reads the lesson state: the lesson world and the facts of its workstation directory (no secret). */
import type { World } from '../core/types.ts';
import { readWorkstationFacts } from '../workstation/index.ts';
import type { LessonState, WorkstationFacts } from './model.ts';

export const readWorkstation = (tkeFiles: string): Promise<WorkstationFacts> => readWorkstationFacts(tkeFiles);

export async function readLessonState(world: World, tkeFiles: string): Promise<LessonState> {
  return { world, workstation: await readWorkstationFacts(tkeFiles) };
}
