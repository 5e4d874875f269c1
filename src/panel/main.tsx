import { render } from 'preact';

function App() {
  return <main data-testid="panel-root"><h1>sessionscope</h1></main>;
}

render(<App />, document.getElementById('app')!);
