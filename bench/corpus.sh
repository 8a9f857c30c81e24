# Sourced by the bench scripts: the mature-code corpus. Downloads binary and sources jars of popular libraries
# from Maven Central (through the local Maven repository) into target/bench and unpacks the sources.
# Sets: corpus_specs, one NAME=SOURCE_DIR=BINARY_JAR per library.
corpus_libs=(com.google.guava:guava:33.4.8-jre org.apache.commons:commons-lang3:3.18.0
             com.fasterxml.jackson.core:jackson-databind:2.18.2 org.springframework:spring-web:6.2.19
             commons-codec:commons-codec:1.18.0 org.apache.httpcomponents.client5:httpclient5:5.4.4)
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
