// Placeholder so the target compiles while the runtime is written.
