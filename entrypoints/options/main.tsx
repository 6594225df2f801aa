import { render } from 'preact';
import '../../lib/schemas/english';
import { App } from './App';

render(<App />, document.getElementById('app')!);
