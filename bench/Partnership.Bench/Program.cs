using Partnership.Bench;

return args.FirstOrDefault() switch
{
    "companies" => await CompanySearchBenchmark.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project bench/Partnership.Bench -- companies [--count 100000] [--runs 200]");
    return 2;
}
