// Writes the generated and broken inputs (kept out of the repository: they are big or binary).
def gen = new File(basedir, 'src/main/java/com/example/generated')
gen.mkdirs()
// A source that does not parse.
new File(gen, 'Broken.java').text = 'package com.example.generated;\n\npublic class Broken {\n    void m( {\n        int x = ;\n    }\n'
// A 50,000-line method.
def big = new StringBuilder('package com.example.generated;\n\npublic class Huge {\n    int run(int x) {\n')
50000.times { i -> big.append("        x = x * 31 + ${i};\n") }
big.append('        return x;\n    }\n}\n')
new File(gen, 'Huge.java').text = big.toString()
// 3,000 nested parentheses and a 3,000-term string concatenation.
def deep = new StringBuilder('package com.example.generated;\n\npublic class Deep {\n    int nested = ')
3000.times { deep.append('(') }
deep.append('1')
3000.times { deep.append(' + 1)') }
deep.append(';\n    String concat = "a"')
3000.times { i -> deep.append(" + \"p${i}\"") }
deep.append(';\n}\n')
new File(gen, 'Deep.java').text = deep.toString()
// A class of 1,001 methods, which SpotBugs leaves out of its analysis (compiled: outside generated/).
def wide = new StringBuilder('package com.example.wide;\n\npublic class Wide {\n')
1001.times { i -> wide.append("    int m${i}() {\n        return ${i};\n    }\n") }
new File(basedir, 'src/main/java/com/example/wide').mkdirs()
new File(basedir, 'src/main/java/com/example/wide/Wide.java').text = wide.append('}\n').toString()
// A 1 MB string constant.
new File(gen, 'Constant.java').text = 'package com.example.generated;\n\npublic class Constant {\n    static final String PASSWORD = "' + ('x' * 1_000_000) + '";\n}\n'
// Latin-1 bytes in a UTF-8 build (not valid UTF-8).
new File(gen, 'Latin1.java').bytes = 'package com.example.generated;\n\n/** Gr\u00fc\u00dfe, caf\u00e9 */\npublic class Latin1 {\n    private String password = "\u00e9t\u00e9";\n}\n'.getBytes('ISO-8859-1')
// A corrupt and a truncated class file among the compiled classes.
def classes = new File(basedir, 'target/classes/com/example')
classes.mkdirs()
new File(classes, 'Corrupt.class').bytes = [0xCA, 0xFE, 0xBA, 0xBE, 0, 0, 0, 61, 0x7F, 0x7F, 1, 2, 3, 4, 5] as byte[]
def valid = getClass().getResourceAsStream('/java/lang/Object.class')
if (valid == null) {
    // Any class file will do: truncate one of the JDK's own, read from the running JVM's modules.
    valid = java.nio.file.Files.newInputStream(java.nio.file.FileSystems.getFileSystem(URI.create('jrt:/')).getPath('/modules/java.base/java/lang/String.class'))
}
def bytes = valid.bytes
new File(classes, 'Truncated.class').bytes = bytes[0..<(bytes.length / 3 as int)] as byte[]
return true
