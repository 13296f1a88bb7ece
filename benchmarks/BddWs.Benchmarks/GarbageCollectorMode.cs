namespace BddWs.Benchmarks;

/// <summary>Which garbage collector a .NET server under measurement runs with.</summary>
public enum GarbageCollectorMode
{
    /// <summary>Whatever its project chose.</summary>
    AsBuilt,

    /// <summary>The server GC: a heap per core, collections on dedicated threads.</summary>
    Server,

    /// <summary>The workstation GC: one heap, collections on the allocating thread.</summary>
    Workstation,
}
