using BankingBot.Dialogs.Understanding;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.DateTime;
using Newtonsoft.Json;

namespace BankingBot.Tests.Understanding;

public sealed class EntitiesTests
{
    // A Friday morning, in the customer's time zone.
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 10, 30, 0, TimeSpan.FromHours(1));

    [Fact]
    public void MondayAfternoonIsTheComingMonday()
    {
        var time = Entities.Time("Monday afternoon", Now);

        Assert.NotNull(time);
        Assert.Equal(new DateTime(2026, 12, 7), time.Start.Date);
        Assert.True(time.Start.Hour >= 12);
    }

    [Theory]
    [InlineData("Monday at 10", 7, 10, 0)]
    [InlineData("Tuesday at 10:30", 8, 10, 30)]
    [InlineData("Friday at 9", 4, 21, 0)]
    [InlineData("today at 4", 4, 16, 0)]
    [InlineData("Friday", 4, 0, 0)]
    [InlineData("tomorrow at 8", 5, 8, 0)]
    [InlineData("Monday at 4", 7, 16, 0)]
    [InlineData("Wednesday at 5:30", 9, 17, 30)]
    [InlineData("Thursday at 12", 10, 12, 0)]
    [InlineData("Monday at 2", 7, 14, 0)]
    public void AnHourWithoutAmOrPmIsTheFirstStillAheadWhenPeopleAreUp(string said, int day, int hour, int minute)
    {
        // Friday 4 December, 10:30: "at 10" on Monday is the morning, "at 4" the afternoon, "at 12" noon; at 9
        // today the morning has gone.
        var time = Entities.Time(said, Now);

        Assert.NotNull(time);
        Assert.Equal(new DateTime(2026, 12, day, hour, minute, 0), time.Start.DateTime);
    }

    [Fact]
    public void ReadingDatesKeepsNothingInMemoryPerCall()
    {
        // Each customer's "now" differs, so no call can reuse what an earlier one found. The recognizers used to
        // cache every result by text and reference time: over 3 KB kept a date read. What the test process keeps
        // now is about 350 KB in all, as much after 6,000 calls as after 2,000: under 200 B a call here.
        const int Calls = 2_000;
        Entities.Time("Monday afternoon", Now);
        var before = GC.GetTotalMemory(forceFullCollection: true);

        for (var call = 1; call <= Calls; call++)
        {
            Assert.NotNull(Entities.Time("Monday afternoon", Now.AddSeconds(call)));
        }

        var keptPerCall = (GC.GetTotalMemory(forceFullCollection: true) - before) / Calls;
        Assert.True(keptPerCall < 1_000, $"{keptPerCall} bytes kept per date read");
    }

    [Fact]
    public void TheDateExtractorsRememberOnlyWithinOneReading()
    {
        Assert.NotNull(Entities.Time("tomorrow", Now));

        // The English and the shared extractors' caches (date, time, and their periods) are all replaced; a new
        // version of Recognizers.Text built otherwise fails here rather than silently reading dates 5x slower.
        Assert.True(DateReadingCache.Replaced >= 4, $"{DateReadingCache.Replaced} caches replaced");
    }

    [Theory]
    [InlineData("Monday afternoon")]
    [InlineData("in three months")]
    [InlineData("tomorrow at 4pm")]
    [InlineData("next week or the week after")]
    [InlineData("between 9 and 11 on the 14th")]
    [InlineData("any weekday morning after Christmas")]
    public void DatesReadWithTheCacheAreThoseReadWithout(string said)
    {
        var uncached = new DateTimeRecognizer(Culture.English, DateTimeOptions.NoProtoCache).GetDateTimeModel();
        var cached = new DateTimeRecognizer(Culture.English, DateTimeOptions.None).GetDateTimeModel();
        var reference = Now.DateTime;

        List<ModelResult> withCache;
        using (DateReadingCache.Read())
        {
            withCache = cached.Parse(said, reference);
        }

        // A second reading of the same words at another time finds its own dates, not the first reading's.
        List<ModelResult> later;
        using (DateReadingCache.Read())
        {
            later = cached.Parse(said, reference.AddDays(3));
        }

        Assert.NotEmpty(withCache);
        Assert.Equal(Json(uncached.Parse(said, reference)), Json(withCache));
        Assert.Equal(Json(uncached.Parse(said, reference.AddDays(3))), Json(later));
    }

    private static string Json(List<ModelResult> results) => JsonConvert.SerializeObject(results);
}
