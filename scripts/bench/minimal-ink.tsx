// The baseline of the shell's startup budget: a minimal Ink program that renders one Text, then exits.
import { Text, render } from 'ink';

const app = render(<Text>ready</Text>);
app.unmount();
