use sea_orm::entity::prelude::*;

/// One checklist item a product of `flow` must show before UAT.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "uat_checks")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub flow: domain::finance::ProductFlow,
    #[sea_orm(primary_key, auto_increment = false)]
    pub item: domain::uat::UatItem,
    pub position: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
