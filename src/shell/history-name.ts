/** The prompt's history file, in TKESIM_HOME. */
export const HISTORY_FILE = 'history';
