// placeholder until `cargo xtask generate` writes it
