namespace BddWs.Server.Endpoints.GraphQl;

/// <summary>The <c>countdown</c> subscription's stream: <c>from</c>, …, 2, 1, then its end.</summary>
public sealed class Countdown(int from) : IObservable<object?>
{
    public IDisposable Subscribe(IObserver<object?> observer)
    {
        var stop = new CancellationTokenSource();
        // After Subscribe returns, so the subscriber is ready for the first value.
        _ = Task.Run(
            () =>
            {
                for (var n = from; n >= 1 && !stop.IsCancellationRequested; n--)
                {
                    observer.OnNext(n);
                }

                if (!stop.IsCancellationRequested)
                {
                    observer.OnCompleted();
                }
            },
            CancellationToken.None);
        return new Stop(stop);
    }

    private sealed class Stop(CancellationTokenSource stop) : IDisposable
    {
        public void Dispose() => stop.Cancel();
    }
}
