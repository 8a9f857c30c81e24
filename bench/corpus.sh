# Sourced by the bench scripts: the mature-code corpus. Downloads binary and sources jars of popular libraries
# from Maven Central (through the local Maven repository) into target/bench and unpacks the sources.
# CORPUS selects the set: "libraries" (default; general-purpose libraries, the precision baseline) or "security"
# (security and web frameworks, full of the APIs the rules watch: where a false positive would show first).
# Sets: corpus_specs, one NAME=SOURCE_DIR=BINARY_JAR per library.
case "${CORPUS:-libraries}" in
  libraries)
    corpus_libs=(com.google.guava:guava:33.4.8-jre org.apache.commons:commons-lang3:3.18.0
                 com.fasterxml.jackson.core:jackson-databind:2.18.2 org.springframework:spring-web:6.2.19
                 commons-codec:commons-codec:1.18.0 org.apache.httpcomponents.client5:httpclient5:5.4.4) ;;
  security)
    corpus_libs=(org.springframework.security:spring-security-core:6.5.11
                 org.springframework.security:spring-security-web:6.5.11
                 org.springframework.security:spring-security-config:6.5.11
                 org.springframework:spring-webmvc:6.2.19 org.apache.tomcat.embed:tomcat-embed-core:11.0.25
                 org.apache.shiro:shiro-core:2.2.1 com.nimbusds:nimbus-jose-jwt:10.10 io.jsonwebtoken:jjwt-impl:0.12.7) ;;
  *) echo "unknown CORPUS ${CORPUS} (libraries, security)" >&2; exit 2 ;;
esac
corpus_work=target/bench
mkdir -p "$corpus_work/jars" "$corpus_work/src"
corpus_specs=()
for gav in "${corpus_libs[@]}"; do
  IFS=: read -r g a v <<<"$gav"
  for c in "" sources; do
    [ -f "$corpus_work/jars/$a-$v${c:+-$c}.jar" ] ||
      mvn -B -ntp -q dependency:copy -Dartifact="$g:$a:$v:jar${c:+:$c}" -DoutputDirectory="$corpus_work/jars"
  done
  [ -d "$corpus_work/src/$a" ] || (mkdir -p "$corpus_work/src/$a" && cd "$corpus_work/src/$a" && jar xf "../../jars/$a-$v-sources.jar")
  corpus_specs+=("$a=$corpus_work/src/$a=$corpus_work/jars/$a-$v.jar")
done
