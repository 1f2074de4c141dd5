import type { PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import { stores } from './wiring';
import './app.scss';

function App({ children }: PropsWithChildren) {
  // Restore the saved session before any page asks who is signed in.
  useLaunch(() => {
    if (stores.session.status === 'unknown') void stores.session.restore();
  });
  return children;
}

export default App;
