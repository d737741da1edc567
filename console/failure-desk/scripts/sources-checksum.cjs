// Writes (--write) or checks the list of SHA-256 sums of the sources the shipped bundle was built from.
// FailureDeskBundleTest recomputes the same list in Java, so a source change without a rebuild fails the build.
// Format: one "<sha256>  <path>" line per file, sorted by path; CRLF read as LF so checkouts on Windows agree.
const crypto = require('crypto')
const fs = require('fs')
const path = require('path')

const root = path.resolve(__dirname, '..')
const target = path.resolve(root, '../../src/main/resources/static/failure-desk/sources.sha256')
const fixedFiles = ['package.json', 'package-lock.json', 'tsconfig.json', 'webpack.config.cjs']

function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => {
    const full = path.join(dir, e.name)
    return e.isDirectory() ? walk(full) : [full]
  })
}

function manifest() {
  const files = [...fixedFiles.map(f => path.join(root, f)), ...walk(path.join(root, 'src'))]
  return files
    .map(f => path.relative(root, f).split(path.sep).join('/'))
    .sort()
    .map(rel => {
      const text = fs.readFileSync(path.join(root, rel), 'utf8').replace(/\r\n/g, '\n')
      return `${crypto.createHash('sha256').update(text, 'utf8').digest('hex')}  ${rel}\n`
    })
    .join('')
}

if (process.argv.includes('--write')) {
  fs.writeFileSync(target, manifest())
  console.log('Wrote', path.relative(process.cwd(), target))
} else if (fs.readFileSync(target, 'utf8') !== manifest()) {
  console.error('The shipped bundle was built from other sources: npm run build')
  process.exit(1)
}
