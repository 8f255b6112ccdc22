namespace Partnership.TestKit;

/// <summary>Finds the repository root (where Partnership.sln is) and the read-only shared/ folder beside it.</summary>
public static class RepositoryPaths
{
    public static string Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Partnership.sln")))
            {
                dir = dir.Parent;
            }
            return dir?.FullName ?? throw new InvalidOperationException("Partnership.sln not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>../shared beside the checkout: the seed, the domain brief and reference data.</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    public static string SeedTable => Path.Combine(Shared, "seed", "000_32fa7b531d9653f7.txt");
}
