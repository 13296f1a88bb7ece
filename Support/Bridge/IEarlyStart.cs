namespace BddWs.Bridge;

/// <summary>
/// Something a suite starts early (see <see cref="EarlyStartAttribute"/>). <see cref="Begin"/> returns at
/// once and never throws: it only makes a later wait shorter. Whoever needs the result (a
/// <c>BeforeTestRun</c> hook) awaits the same start and reports its failure in the run's own words.
/// Several calls in one process begin it once.
/// </summary>
public interface IEarlyStart
{
    void Begin(System.Reflection.Assembly testAssembly);
}
