using Shishin.Core.CitizenFeedback;

namespace Shishin.Web.Pages.Services.Feedback;

/// <summary>What _FigureTable shows: periods (at least one) with their ids, caption and how a period is named.</summary>
public sealed record FigureTable(string Id, string Title, string Caption, string PeriodHeading, IReadOnlyList<FeedbackPeriod> Periods,
    Func<DateOnly, string> Name, FeedbackLabels Labels);

/// <summary>What _RatingTable shows: the ratings given in one period.</summary>
public sealed record RatingTable(FeedbackPeriod Total, string Id, string Caption);

/// <summary>What _ImprovementList shows: published "you said, we did" items in the reader's language.</summary>
public sealed record ImprovementList(IReadOnlyList<FeedbackImprovement> Items, bool English);

/// <summary>What the service page's feedback section shows.</summary>
public sealed record FeedbackSection(string ServiceKey, IReadOnlyList<FeedbackPeriod> Months, FeedbackPeriod Total,
    IReadOnlyList<FeedbackImprovement> Improvements, bool English, bool CanRead, bool CanEdit, FeedbackLabels Labels);
