package dev.keyhound.cli;

/** The git hooks keyhound installs, each with the scan it runs. */
enum HookType {
    PRE_COMMIT("pre-commit"), PRE_PUSH("pre-push");

    final String fileName;

    HookType(String fileName) {
        this.fileName = fileName;
    }
}
