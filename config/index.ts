import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import TsconfigPathsPlugin from 'tsconfig-paths-webpack-plugin';
import devConfig from './dev';
import prodConfig from './prod';

const root = path.resolve(__dirname, '..');
const domainDir = path.join(root, 'domain');
const isWeapp = process.env.TARO_ENV === 'weapp';

/**
 * Where the app finds the API. H5 is served by the API process itself, so '' (same origin) is
 * right; WeChat DevTools needs an absolute URL (a real device needs an HTTPS domain registered
 * in the mini-program console).
 */
const apiBaseUrl = process.env.API_BASE_URL ?? (isWeapp ? 'http://localhost:3000' : '');

// Path aliases come from tsconfig.json, so the app, the tests and the type checker agree.
interface ChainLike {
  resolve: { plugin(name: string): { use(plugin: unknown, args?: unknown[]): unknown } };
}
const tsconfigPaths = (chain: ChainLike) => {
  chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin, [{ configFile: path.join(root, 'tsconfig.json') }]);
};

// domain/ lives outside src/: Taro only compiles src/ unless told otherwise.
const compileDomain = { include: [domainDir, path.join(root, 'config', 'plugins')] };

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'anxin-homevisit',
    date: '2025-01-01',
    // Sizes are written in uppercase PX (left alone by pxtransform) so text follows the font
    // setting rather than the screen width; 375 keeps any lowercase px at 1:1 with CSS px.
    designWidth: 375,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    // TARO_OUTPUT_ROOT lets parallel work build into its own folder (serve it with H5_DIR).
    outputRoot: process.env.TARO_OUTPUT_ROOT || (isWeapp ? 'dist/weapp' : 'dist/h5'),
    plugins: isWeapp ? [path.join(__dirname, 'plugins', 'mini-a11y.ts')] : [],
    defineConstants: {
      API_BASE_URL: JSON.stringify(apiBaseUrl),
    },
    alias: {
      '@domain': domainDir,
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: true },
    mini: {
      compile: compileDomain,
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain: tsconfigPaths,
    },
    h5: {
      publicPath: './',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      compile: compileDomain,
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain: tsconfigPaths,
    },
  };

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig);
  }
  return merge({}, baseConfig, prodConfig);
});
