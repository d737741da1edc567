// Builds the Failure desk as a Module Federation remote that Hawtio loads (see FailureDeskConsole.java).
// Output goes straight into the hub's static resources, so the hub builds with JDK + Maven only.
const { ModuleFederationPlugin } = require('webpack').container
const path = require('path')
const { dependencies } = require('./package.json')

const outputPath = path.resolve(__dirname, '../../src/main/resources/static/failure-desk')

// React, PatternFly and @hawtio/react must be the console's own instances (one React, one plugin
// registry), so the plugin takes them from Hawtio's share scope and bundles no fallback (import: false).
const fromHawtio = version => ({ singleton: true, import: false, requiredVersion: version.startsWith('^') ? version : '^' + version })

module.exports = (_, args) => ({
  entry: {},
  mode: args.mode || 'production',
  devtool: false,
  plugins: [
    new ModuleFederationPlugin({
      // 'name' is the scope and the key of 'exposes' the module given to HawtioPlugin.
      name: 'failureDesk',
      filename: 'remoteEntry.js',
      exposes: { './plugin': './src/index' },
      shared: {
        react: fromHawtio(dependencies['react']),
        'react-dom': fromHawtio(dependencies['react-dom']),
        '@patternfly/react-core': fromHawtio(dependencies['@patternfly/react-core']),
        '@patternfly/react-table': fromHawtio(dependencies['@patternfly/react-table']),
        // Hawtio 5.2 ships @hawtio/react 2.2.x; only its plugin registry is used.
        '@hawtio/react': fromHawtio('^2.2.0'),
      },
    }),
  ],
  output: {
    clean: true,
    path: outputPath,
    publicPath: 'auto',
    // Stable names: a rebuild from the same sources gives the same files, so git shows real changes only.
    filename: '[name].js',
    chunkFilename: '[name].chunk.js',
  },
  optimization: { chunkIds: 'named', moduleIds: 'named' },
  module: {
    rules: [
      {
        test: /\.tsx?$/,
        exclude: /node_modules/,
        // Plain TypeScript (no native binaries, so npm ci works on any platform); tsc --noEmit type-checks first.
        use: { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { noEmit: false } } },
      },
    ],
  },
  resolve: { extensions: ['.ts', '.tsx', '.js'] },
  performance: { hints: false },
})
