/** The simulated cloud's document in TKESIM_HOME. */
export const STORE_FILE = 'world.json';
