package dev.genguard.engine.governance;

/**
 * What a provenance marker says about the code it tags; every attribute may be empty.
 *
 * @param tool      the assistant or tool, e.g. "Copilot"
 * @param model     the model, e.g. "gpt-4o"
 * @param prompt    the prompt or a reference to it, as written in an annotation or comment
 * @param promptLog a link to the prompt record (a {@code Prompt-Log:} trailer)
 */
public record AiTag(String tool, String model, String prompt, String promptLog) {

    public static final AiTag UNKNOWN = new AiTag("", "", "", "");

    public AiTag {
        tool = tool == null ? "" : tool.strip();
        model = model == null ? "" : model.strip();
        prompt = prompt == null ? "" : prompt.strip();
        promptLog = promptLog == null ? "" : promptLog.strip();
    }
}
