// The command line's entry point is cli/main.ts; this path stays for scripts that call it.
import "../cli/main";
