// Creates the sample's git history with JGit (on the invoker's class path through the plugin's test class path):
// a human commit, then an AI commit with a Generated-by trailer and a prompt log.
import org.eclipse.jgit.api.Git
import org.eclipse.jgit.lib.PersonIdent

def when = new Date(1763632800000L) // 2025-11-20T10:00:00Z: fixed, so the build is reproducible
def git = Git.init().setDirectory(basedir).setInitialBranch('main').call()
try {
    def human = new PersonIdent('Dana Human', 'dana@example.com', when, TimeZone.getTimeZone('UTC'))
    ['pom.xml', 'CODEOWNERS', 'src/main/java/com/example/TokenService.java'].each { git.add().addFilepattern(it).call() }
    git.commit().setMessage('Token service').setAuthor(human).setCommitter(human).setSign(false).call()
    git.add().addFilepattern('src/main/java/com/example/ReportExporter.java').call()
    git.commit().setMessage('Add report exporter\n\nGenerated-by: Claude 3.5 Sonnet\nPrompt-Log: https://prompts.example/42\n')
            .setAuthor(human).setCommitter(human).setSign(false).call()
} finally {
    git.close()
}
return true
