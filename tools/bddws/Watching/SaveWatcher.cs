using System.Threading.Channels;

namespace BddWs.Cli.Watching;

/// <summary>
/// Wakes the loop when a file is saved. File system events only wake it: what changed is then read
/// from the files' times (<see cref="WaitAsync"/>'s check), after a short quiet spell, so an editor's
/// save in several steps (a temporary file renamed over the feature, a swap file, a backup) counts
/// once, and an event that is lost (a full event queue, a network drive) is made up for by a check
/// once a second.
/// </summary>
public sealed class SaveWatcher : IDisposable
{
    /// <summary>Events closer together than this are one save.</summary>
    public static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(30);

    private static readonly TimeSpan Fallback = TimeSpan.FromSeconds(1);

    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly Channel<bool> _events = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <param name="folders">Each folder, with whether its subfolders count too.</param>
    public SaveWatcher(IEnumerable<(string Folder, bool Recursive)> folders)
    {
        foreach (var (folder, recursive) in folders.Where(f => Directory.Exists(f.Folder)).DistinctBy(f => f.Folder))
        {
            var watcher = new FileSystemWatcher(folder)
            {
                IncludeSubdirectories = recursive,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
                InternalBufferSize = 64 * 1024,
            };
            watcher.Changed += (_, _) => Wake();
            watcher.Created += (_, _) => Wake();
            watcher.Deleted += (_, _) => Wake();
            watcher.Renamed += (_, _) => Wake();
            watcher.Error += (_, _) => Wake();
            watcher.EnableRaisingEvents = true;
            _watchers.Add(watcher);
        }
    }

    /// <summary>Returns what <paramref name="check"/> says changed, as soon as it says so.</summary>
    public async Task<string> WaitAsync(Func<string?> check, CancellationToken cancel)
    {
        while (true)
        {
            if (check() is { } changed)
            {
                return changed;
            }

            using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel))
            {
                timeout.CancelAfter(Fallback);
                try
                {
                    await _events.Reader.ReadAsync(timeout.Token);
                }
                catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
                {
                    continue;
                }
            }

            // The rest of the same save.
            do
            {
                await Task.Delay(Quiet, cancel);
            }
            while (_events.Reader.TryRead(out _));
        }
    }

    private void Wake() => _events.Writer.TryWrite(true);

    public void Dispose()
    {
        foreach (var watcher in _watchers)
        {
            watcher.Dispose();
        }
    }
}
