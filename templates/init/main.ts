import { App, AppProps } from 'peapod';
import { WebChart } from './lib/web-chart';

/** Builds the app: `npm run synth` runs this file and writes dist/; `npx peapod plan` and the tests call it. */
export function buildApp(props: AppProps = {}): App {
  const app = new App(props);
  new WebChart(app, 'web');
  return app;
}

if (require.main === module) {
  buildApp().synth();
}
