/// Loading builds hundreds of thousands of small strings and frees big
/// buffers; mimalloc does both at a fraction of the system allocator's
/// cost (a warm 100k-node load spent a third of its time in glibc malloc).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    agon::cli::run(agon::cli::Cli::from_env())
}
