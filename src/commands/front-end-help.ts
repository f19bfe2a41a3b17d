/**
 * Help for tkesim's own front-ends (`help replay`, `help learn`, ...), one text each. The shell's
 * `help TOPIC` and each front-end's `--help` print the same text.
 */
export const FRONT_END_HELP: Readonly<Record<string, string>> = {
  learn: [
    'USAGE: tkesim learn            list the lessons; in a terminal, open the next unfinished one',
    '       tkesim learn N          open lesson N in the shell',
    '       tkesim learn --list     list the lessons with your progress',
    'In the shell: "learn" (the next unfinished lesson), "learn N" or "lesson N", "lessons" (the list), and while a',
    'lesson runs "hint", "goal", "explain", "solution", "reset" and "exit lesson" (back to your own world).',
    'Each lesson runs on its own seeded world under $TKESIM_HOME/lessons/ and never touches your sandbox.',
  ].join('\n'),
  replay: [
    'USAGE: tkesim replay FILE [--speed N] [--idle-limit SECONDS] [--from STEP] [--cast] [--record NAME]',
    '  FILE: NAME.journal.jsonl, NAME.cast (its journal is used when beside it), any asciicast v2/v3 file, or a session name.',
    '  Plays the recorded views: nothing is re-executed and no password is asked for. Without a terminal, prints the',
    '  transcript and checks the journal\'s hash chain (exit 1 when it was edited, or lines were deleted or moved).',
    '  Keys: space pause/resume · . one event · ] [ (or → ←) next/previous command · n p next/previous mistake (a failed',
    '  step, or one the journal\'s integrity doubts) · ↑ ↓ PgUp PgDn End scroll the output · + - speed · 0-9 jump to 0-90%',
    '  · t take over · q quit. Failed steps are marked ✗ in the header and the timeline strip.',
  ].join('\n'),
  record: [
    'USAGE: tkesim --record NAME [--input] [--trainee NAME] [tkesim arguments]   record the shell (or a lesson, a demo)',
    '       tkesim record NAME [--input] [--trainee NAME] [--cols N] [--rows N] -- [tkesim arguments]   record exactly what a terminal shows',
    '  In the shell: "record start NAME [--input] [--trainee NAME]", "record stop", "record" (is one running?).',
    '  --trainee "Ann Lee" names who is recorded (default: the login name); tkesim report shows it.',
    '  Writes NAME.cast (asciicast v2) and NAME.journal.jsonl (one line per command, hash-chained). Neither ever holds',
    '  a password, a key part value or a master key: see sessions/README.md.',
  ].join('\n'),
  report: [
    'USAGE: tkesim report FILE... [--html] [--out FILE]',
    '  What a recording shows: every command with its outcome and time, refusals with their return and reason codes,',
    '  wrong passwords, hints used, hygiene breaches (a shared password, a threshold of 1 under dual control, stored',
    '  keys made unreadable, a signer who also holds a key part) and a score by the lessons\' rules.',
    '  FILE: NAME.journal.jsonl, a .cast with its journal beside it, a session name, or a directory. Several files (or a',
    '  directory) give one class table (trainee, what, score, mistakes, time) and a section per trainee.',
    '  Markdown by default; --html writes one self-contained page; --out FILE writes to a file.',
  ].join('\n'),
  export: [
    'USAGE: tkesim export FILE.journal.jsonl --html OUT.html',
    '  One self-contained HTML page that plays the session in any browser, with no network and no tkesim: the',
    '  terminal output and the register panel at each step, a step list with the mistakes marked, the report\'s',
    '  summary. Keys in the page: space play/pause, ← → previous/next step, n p next/previous mistake, Home End.',
  ].join('\n'),
  demo: [
    'USAGE: tkesim demo SCRIPT [--auto] [--notes] [--record NAME]',
    '  Runs a scripted demo (sessions/demos/*.demo), one step per key press: space or Enter next, b back, t take over, q quit.',
  ].join('\n'),
  ceremony: [
    'USAGE: tkesim ceremony                       list the shipped ceremony scripts (sessions/ceremonies/)',
    '       tkesim ceremony SCRIPT --check        validate a script and dry-run it with its training values',
    '       tkesim ceremony SCRIPT [--out NAME]   rehearse it in the shell (needs a terminal)',
    '  SCRIPT: a YAML file, or the name of a shipped one (key-part-init, rotation, recover-zeroized-unit).',
    '  A script names its world (a fresh seeded one, or "sandbox"), its people by role (ceremony administrator,',
    '  internal witness, administrators, key part custodians) and numbered steps: actor, instruction, the commands',
    '  expected, the state expected afterwards (units selected, admins installed, thresholds, mode, new/current',
    '  register, same vp, configured the same, keys readable, ...) and the verification patterns to read back.',
    '  The state is checked after every command; a step is done when its state holds. Before a person types a',
    '  secret the screen says who takes the keyboard, and it is cleared (scrollback too) between people.',
    '  The witness records exceptions: automatically (a refusal, a wrong password, a command not in the script, a',
    '  skipped step or hand-over, a state that differs, one password for two people, a threshold of 1) and with',
    '  "exception TEXT"; the ceremony administrator answers each with "continue", "retry" or "abort REASON".',
    '  Read-backs show each verification pattern as hex and as PGP words (Juola and Zimmermann, 1995).',
    '  In the shell: exception TEXT · continue · retry · abort REASON · script · hint · exit.',
    '  At the end (or on abort) the record is written beside the run\'s NAME.cast and NAME.journal.jsonl:',
    '  NAME.md and NAME.html (steps, times, actors, commands, signers, read-backs, exceptions and their resolutions,',
    '  each unit\'s final state, a sign-off table) and NAME.sha256 (the SHA-256 of NAME.md, in hex and PGP words).',
    '  No password or key part value is ever shown, recorded or journaled, the script\'s training values included.',
  ].join('\n'),
};

/** The first ceremony in order: what `help` opens with. */
export const FIRST_CEREMONY = [
  'A first ceremony, in order ("help <command>" tells what each asks; "learn" teaches it step by step):',
  '  1. cryptounit-add                        select the crypto units to initialize',
  '  2. sigkey-add, sigkey-sel                create the administrators\' signature keys, and choose who signs',
  '  3. cryptounit-admin-add                  install each administrator in the selected units',
  '  4. cryptounit-thrhld-set                 set the signature thresholds: the units leave imprint mode',
  '  5. mk-add --random                       create the master key parts, one per custodian',
  '  6. cryptounit-mk-load, -mk-commit, -mk-setimm   load the parts, commit, and activate the master key',
].join('\n');
