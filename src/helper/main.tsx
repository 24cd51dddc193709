import { render } from 'preact';

render(<main>Token helper</main>, document.getElementById('app') as HTMLElement);
