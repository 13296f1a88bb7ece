namespace BddWs.Soak;

/// <summary>What one connection got back: how many echoes, how many out of order, missing or repeated.</summary>
public sealed record ConnectionResult(int Sent, int Received, int OutOfOrder, int Missing, int Duplicated)
{
    public bool Perfect => Sent == Received && OutOfOrder == 0 && Missing == 0 && Duplicated == 0;
}
