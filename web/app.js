// The playground page: loads the text catalogue, starts the engine in its worker and
// shows that a request round-trips through the wasm core.
import { loadText, applyText, t } from './text.js';
import { CoreClient } from './core-client.js';

async function main() {
  await loadText();
  applyText();
  const status = document.getElementById('core-status');
  status.textContent = t('ui.core.loading');
  const core = new CoreClient();
  try {
    const version = await core.request({ cmd: 'version' });
    status.textContent = t('ui.core.ready', { version: version.version, cjson: version.cjson });
    status.dataset.state = 'ready';
    const echo = await core.request({ cmd: 'echo', payload: { irql: 'DISPATCH_LEVEL' } });
    document.getElementById('core-echo').textContent = t('ui.core.echo', { text: JSON.stringify(echo.payload) });
  } catch (error) {
    status.textContent = t('ui.core.failed', { message: error.message });
    status.dataset.state = 'error';
  }
}

main();
